using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolContact: one mail contact by ObjectId, or the contacts whose display name or
    /// email address starts with -SearchString (500 unless -All or -MaxResults); -HasErrorsOnly
    /// keeps those with validation errors.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolContact", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Contact))]
    public class GetContact : MsolCmdlet
    {
        private const string ListSet = "ListContacts__0";
        private const string AllSet = "All__0";
        private const string ByIdSet = "GetContact__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter HasErrorsOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByIdSet ? (object)ObjectId : null;
        }

        protected override void ProcessOne()
        {
            Stream<Contact>(BoundBody(), "contacts", All.IsPresent);
        }
    }
}
