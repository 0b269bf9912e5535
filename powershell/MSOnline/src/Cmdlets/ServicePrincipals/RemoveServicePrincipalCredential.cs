using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolServicePrincipalCredential: removes credential keys, by KeyId, from a
    /// service principal named by ObjectId, AppPrincipalId or service principal name. A KeyId the
    /// principal does not hold removes nothing and names those it holds. -WhatIf removes nothing.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolServicePrincipalCredential", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveServicePrincipalCredential : MsolCmdlet
    {
        private const string ByIdSet = "RemoveServicePrincipalCredentials__0";
        private const string BySpnSet = "RemoveServicePrincipalCredentialsBySpn__0";
        private const string ByAppSet = "RemoveServicePrincipalCredentialsByAppPrincipalId__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByAppSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AppPrincipalId { get; set; }

        [Parameter(ParameterSetName = BySpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServicePrincipalName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid[] KeyIds { get; set; }

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
            string target = Convert.ToString(Target());
            Change(BoundBody(), target, "Remove credential keys " + string.Join(", ", Array.ConvertAll(KeyIds, k => k.ToString())));
        }
    }
}
