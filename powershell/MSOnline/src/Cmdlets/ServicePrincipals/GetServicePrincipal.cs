using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolServicePrincipal: one by ObjectId or AppPrincipalId, those with a service
    /// principal name, or those whose display name starts with -SearchString (500 unless -All or
    /// -MaxResults).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolServicePrincipal", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(ServicePrincipal))]
    public class GetServicePrincipal : MsolCmdlet
    {
        private const string ListSet = "ListServicePrincipals__0";
        private const string AllSet = "All__0";
        private const string ByIdSet = "GetServicePrincipal__0";
        private const string ByAppSet = "GetServicePrincipalByAppPrincipalId__0";
        private const string BySpnSet = "GetServicePrincipalBySpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByAppSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AppPrincipalId { get; set; }

        [Parameter(ParameterSetName = BySpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServicePrincipalName { get; set; }

        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = AllSet, ValueFromPipelineByPropertyName = true)]
        public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            switch (ParameterSetName)
            {
                case ByIdSet: return ObjectId;
                case ByAppSet: return AppPrincipalId;
                case BySpnSet: return ServicePrincipalName;
                default: return null;
            }
        }

        protected override void ProcessOne()
        {
            Stream<ServicePrincipal>(BoundBody(), "service principals", All.IsPresent);
        }
    }
}
