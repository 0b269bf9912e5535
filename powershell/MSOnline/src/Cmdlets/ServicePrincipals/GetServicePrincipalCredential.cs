using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolServicePrincipalCredential: a service principal's credential keys;
    /// certificates' values with -ReturnKeyValues $true (secrets are never kept).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolServicePrincipalCredential", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(ServicePrincipalCredential))]
    public class GetServicePrincipalCredential : MsolCmdlet
    {
        private const string ByIdSet = "ListServicePrincipalCredentials__0";
        private const string ByAppSet = "ListServicePrincipalCredentialsByAppPrincipalId__0";
        private const string BySpnSet = "ListServicePrincipalCredentialsBySpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByAppSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AppPrincipalId { get; set; }

        [Parameter(ParameterSetName = BySpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServicePrincipalName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public bool ReturnKeyValues { get; set; }

        protected override object Target()
        {
            switch (ParameterSetName)
            {
                case BySpnSet: return ServicePrincipalName;
                case ByAppSet: return AppPrincipalId;
                default: return ObjectId;
            }
        }

        protected override void ProcessOne()
        {
            WriteAll<ServicePrincipalCredential>(BoundBody());
        }
    }
}
